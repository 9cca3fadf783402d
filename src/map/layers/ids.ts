/** Every deck.gl layer id in one place. */
export const LAYER_IDS = {
  zones: 'zones',
  buildings: 'buildings',
  clusters: 'uncovered-clusters',
  heat: 'uncovered-heat',
  enterprises: 'enterprises',
  recommendation: 'selected-recommendation',
  selection: 'selected-enterprise',
  labels: 'area-labels',
  placeHighlight: 'selected-place',
  planItems: 'plan-items',
  draftOutline: 'draft-outline',
  draftMembers: 'draft-members',
} as const;
