/** Area codes → names from the areas the signed-in user can read (the plan view's area list). */
import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { useWorkspaceStore } from '../../state/capabilities';
import type { AreaName } from './staff-lines';

export interface AreaOption {
  id: string;
  name: string;
  level: 'district' | 'street';
  parent: string | null;
}

export function useAreas(): { areaName: AreaName; areas: AreaOption[] } {
  const areaList = useAppStore((s) => s.view?.areaList);
  const known = useWorkspaceStore((s) => s.areaNames);
  return useMemo(() => {
    const byId = new Map((areaList ?? []).map((a) => [a.id, a.name]));
    return { areaName: (code) => (code ? byId.get(code) ?? known[code] ?? code : ''), areas: areaList ?? [] };
  }, [areaList, known]);
}
