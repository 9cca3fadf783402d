import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkCoreFolder, checkCoreSource } from '../support/boundaries';

const coreRoot = resolve(__dirname, '../../src/core');

describe('src/core boundaries', () => {
  it('imports no React, DOM, maplibre, deck.gl or supabase-js, and nothing outside core', () => {
    expect(checkCoreFolder(coreRoot)).toEqual([]);
  });

  it('the checker catches each kind of violation', () => {
    const file = resolve(coreRoot, 'spatial/x.ts');
    const bad = [
      "import { useState } from 'react';",
      "import * as maplibregl from 'maplibre-gl';",
      "import { ScatterplotLayer } from '@deck.gl/layers';",
      "import { createClient } from '@supabase/supabase-js';",
      "import { store } from '../../state/store';",
      "const el = document.getElementById('x');",
    ];
    for (const line of bad) expect(checkCoreSource(file, line, coreRoot), line).toHaveLength(1);
    expect(checkCoreSource(file, "import { distanceM } from './geo';\n// document.title in a comment is fine", coreRoot)).toEqual([]);
  });
});
