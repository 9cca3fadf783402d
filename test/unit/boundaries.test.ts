import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkCoreFolder, checkCoreSource, checkUiFolder, checkUiSource } from '../support/boundaries';

const srcRoot = resolve(__dirname, '../../src');
const coreRoot = resolve(srcRoot, 'core');

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

describe('src/ui boundaries', () => {
  it('imports no map or store library and nothing from src/data, src/app, src/cli or the state\'s services', () => {
    expect(checkUiFolder(srcRoot)).toEqual([]);
  });

  it('the checker catches each kind of violation', () => {
    const file = resolve(srcRoot, 'ui/planning/X.tsx');
    const bad = [
      "import { StaleWriteError } from '../../data/repository';",
      "import type { AuthPort } from '../../data/auth';",
      "export { LOCAL_CITY_USER } from '../../data/local/local-user';",
      "const m = await import('../../data/local/browser-store');",
      "import { repository } from '../../state/services';",
      "import { bootApp } from '../../app/boot';",
      "import * as maplibregl from 'maplibre-gl';",
      "import { createClient } from '@supabase/supabase-js';",
    ];
    for (const line of bad) expect(checkUiSource(file, line, srcRoot), line).toHaveLength(1);
    const good = [
      "import { StaleWriteError } from '../../state/errors';",
      "import { updateEnterprise } from '../../state/enterprise-actions';",
      "import { useAppStore } from '../../state/store';",
      "import { mapBridge } from '../../map/map-bridge';",
      "import type { Enterprise } from '../../core/model/types';",
      "import { Button } from 'antd';",
    ].join('\n');
    expect(checkUiSource(file, good, srcRoot)).toEqual([]);
  });
});
