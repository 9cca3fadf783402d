import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { title: 'LianJian', subtitle: 'Party-organization coverage planning', synthetic: 'Synthetic demo data', loading: 'Loading the data and computing the plan…', loadFailed: 'Could not load the data', dataset: 'Dataset' },
  language: { label: 'Language', zh: '中文', en: 'English' },
  boot: {
    start: 'Starting…', engine: 'Starting the embedded database (PGlite + PostGIS)…', migration: 'Creating tables: {{detail}}', download: 'Reading the demo data…',
    seed: 'Loading into the embedded database: {{detail}}', read: 'Reading the data from the database…', plan: 'Computing coverage and recommendations…', connect: 'Connecting to Supabase…',
    hint: 'The first start creates the embedded database and loads the data (about half a minute); later starts take seconds.',
  },
  import: {
    button: 'Import', title: 'Import', enterprises: 'Enterprise register (CSV / XLSX)', places: 'Layer (GeoJSON / shapefile)', chooseGeojson: 'Choose GeoJSON or a shapefile (.zip)…',
    placesSummary: '{{count}} usable features read, {{problems}} problems', placesCommit: 'Write {{count}} features', placesWritten: '{{count}} features written, {{rejected}} refused', choose: 'Choose a file (CSV / XLSX)…', crs: 'Coordinates', gcj02: 'GCJ-02 (AMap, Tencent)', bd09: 'BD-09 (Baidu)', cancel: 'Cancel',
    summary: '{{rows}} rows read, all kept; {{problems}} problems ({{format}}, encoding {{encoding}}, header on row {{header}})',
    mapping: 'Unrecognised columns:', keepExtra: 'keep as an extra column', reread: 'Read again with this mapping', rejected: '{{count}} rows cannot be written; nothing was written:',
    row: 'Row', column: 'Column', value: 'Value', code: 'Code', message: 'Message', commit: 'Write all ({{count}} rows)', again: 'Choose again', committed: '{{count}} rows written',
  },
  export: {
    button: 'Export', enterprisesCsv: 'Enterprises CSV', enterprisesXlsx: 'Enterprises XLSX', worklistCsv: 'Worklist CSV', worklistXlsx: 'Worklist XLSX',
    areasXlsx: 'Area table XLSX', reportXlsx: 'Planning report XLSX', reportJson: 'Planning report JSON', geoEnterprises: 'Enterprises GeoJSON', geoBuildings: 'Buildings GeoJSON',
    geoZones: 'Zones GeoJSON', geoAreas: 'Areas GeoJSON', geoClusters: 'Uncovered clusters GeoJSON',
  },
  storage: {
    local: 'On this device', persisted: 'persistent', notPersisted: 'not persistent', persistUnknown: 'persistence unknown', menu: 'Data',
    export: 'Export the whole database…', restore: 'Restore from a backup…', exported: 'Exported {{size}} MB', restored: 'Restored from the backup', failed: 'Failed: {{message}}',
  },
  summary: {
    listed: 'Listed', enterprises: 'Operating', covered: 'Covered by an org', coverageRate: 'Coverage rate', ownOrgRate: 'Own-org rate',
    workCovered: 'Work coverage', mustCover: 'Must cover', mustCoverCovered: 'Must-cover covered', sixClears: 'Six clears complete', unmapped: 'Unmapped',
  },
  legend: {
    title: 'Legend', enterprises: 'Enterprises (by coverage)', ownOrg: 'Own organization', jointOrg: 'Joint organization', workOnly: 'Work coverage only',
    uncoveredMust: 'Uncovered, must cover', uncoveredOther: 'Other uncovered', outOfScope: 'Not operating (not counted)', sizeNote: 'Dot size shows employees',
    buildings: 'Office buildings', zones: 'Districts / parks / markets / villages', areas: 'Administrative areas', clusters: 'Uncovered clusters', heat: 'Uncovered must-cover heat', coverageFill: 'Buildings / zones by coverage', planItems: 'Plan items (by status)', recommendations: 'Recommended joint groups',
  },
  zoneKind: { business_district: 'Business district', park: 'Park', market: 'Market / featured street', village: 'Village' },
  detail: {
    title: 'Enterprise', close: 'Close', name: 'Name', creditCode: 'Credit code', district: 'District', street: 'Town / street', address: 'Address',
    employees: 'Employees', partyMembers: 'Formal members', probationaryMembers: 'Probationary members', registeredCapital: 'Registered capital (10k CNY)', industry: 'Industry',
    status: 'Operating status', ownerIsMember: 'Owner is a member', org: 'Party organization', workCovered: 'Work coverage', coverage: 'Coverage', mustCover: 'Must cover',
    building: 'Building', zone: 'Zone', recommendation: 'Recommendation', yes: 'Yes', no: 'No', unknown: 'Not stated', none: 'None',
    edit: 'Edit', save: 'Save', cancel: 'Cancel', saved: 'Saved', stale: 'Not saved: someone else changed this enterprise; reload and try again', saveFailed: 'Not saved: {{message}}', version: 'Version',
  },
  recommend: {
    title: 'Recommendations', count: '{{count}} items', all: 'All', empty: 'No recommendations', enterprises: '{{count}} enterprises', members: '{{formal}} formal / {{members}} members',
    kind: { standalone: 'Own organization', joint_branch: 'Joint branch', building_community: 'Building community', zone_org: 'District / park / market org', association_branch: 'Association branch', work_coverage: 'Work coverage', new_zone: 'New zone' },
    level: { committee: 'Committee', general_branch: 'General branch', branch: 'Branch' },
    effect: '{{total}} uncovered must-cover: {{inOrgs}} into {{orgs}} organizations, {{work}} to work coverage (plain greedy: {{greedy}})',
  },
  settings: {
    title: 'Basemap', basemap: 'Basemap', offline: 'Offline (administrative areas)', xyz: 'XYZ tile URL', pmtiles: 'PMTiles file', url: 'URL',
    gcjWarning: 'Note: AMap, Tencent and similar maps use GCJ-02 and sit about 500 m off WGS-84 data; use a WGS-84 (CGCS2000) basemap such as Tianditu.',
    apply: 'Apply', cancel: 'Cancel', attribution: 'Basemap data © its provider',
  },
  tooltip: { enterprise: '{{name}}\n{{status}} · {{employees}} employees · {{members}} members' },
  tabs: { overview: 'Overview', plan: 'Plan', worklist: 'Worklist', recommendations: 'Recommendations', bulletin: 'Bulletin', slides: 'Slides' },
  overview: {
    scope: 'Scope: {{scope}}', city: 'All', screen: 'On screen', filtered: '{{shown}} of {{total}} after filters', table: 'Areas ranked by coverage',
    districts: 'Districts', streets: 'Streets', rank: 'Rank', area: 'Area', rate: 'Coverage', ownRate: 'Own-org rate', enterprises: 'Operating', mustCover: 'Must-cover covered',
    clickHint: 'Click a row to zoom to the area and filter to it',
  },
  filter: {
    search: 'Search name, credit code or address', area: 'Area', industry: 'Industry', size: 'Size (employees)', mustCover: 'Must cover', coverage: 'Coverage', operating: 'Operating status',
    any: 'Any', yes: 'Yes', no: 'No', operatingYes: 'Operating', operatingNo: 'Not operating', screen: 'On screen only', reset: 'Clear filters', shown: 'Showing {{shown}} of {{total}}',
    sizes: { lt10: 'Under 10', '10to29': '10–29', '30to99': '30–99', '100to299': '100–299', ge300: '300 and more', unknown: 'Unknown' },
  },
  plan: {
    new: 'New plan item', pick: 'Pick enterprises / buildings / zones', polygon: 'Draw polygon', freehand: 'Lasso', toolHint: 'Click an enterprise to add or remove it; click a building or zone to add its uncovered enterprises; when drawing, click each corner and press Enter to finish.',
    title: 'Name', titlePlaceholder: 'e.g. XX Tower joint branch', kind: 'Form', level: 'Level', members: 'Selected enterprises', undo: 'Undo', redo: 'Redo', save: 'Save plan item',
    saveAsWork: 'Save as work coverage instead', cancel: 'Discard', saved: 'Plan item saved', stale: 'Not saved: someone else changed this plan item; it has been re-read, please try again', failed: 'Failed: {{message}}',
    blocked: 'Breaks the branch rules, so it cannot be saved as an organization; adjust it or save it as work coverage.', ok: 'Meets the branch rules', edit: 'Edit members', delete: 'Delete', deleted: 'Deleted',
    items: 'Plan items ({{count}})', empty: 'No plan items yet: accept a recommendation or start a new one.', accept: 'Accept as plan item', accepted: 'Accepted as a plan item (proposed)',
    owner: 'Owner', instructor: 'Party-building instructor', dueDate: 'Due date', apply: 'Save', next: 'Move to "{{status}}"', back: 'Back to "{{status}}"',
    status: { proposed: 'Proposed', forming: 'Forming', formed: 'Formed' }, moved: 'Moved in from "{{from}}"', inOther: '{{count}} will move here from other plan items',
    removeMember: 'Remove', defaultTitle: '{{place}} {{kind}}', formedNote: 'Formed: its enterprises count as covered',
    figures: { units: 'Units', formal: 'Formal members', members: 'All members', mustCover: 'Must cover', span: 'Widest span', industries: 'Industries' },
    rule: {
      empty: 'No enterprise selected yet', already_covered: '{{count}} already have an organization', out_of_scope: '{{count}} are not operating', standalone_one_unit: 'A standalone organization has exactly 1 unit (now {{value}})',
      too_few_formal: '{{value}} formal members, fewer than {{limit}}', too_many_members: '{{value}} members, more than {{limit}} (split it or raise its level)',
      too_many_units: '{{value}} units, more than {{limit}}', span_too_large: 'Enterprises up to {{value}} m apart, more than {{limit}} m', unmapped_member: '{{count}} have no coordinates',
      not_micro: '{{count}} are not micro enterprises',
    },
  },
  worklist: {
    title: 'Worklist: must-cover enterprises not yet covered', count: '{{count}}', planned: 'Plan item', unplanned: 'Not in any plan', owner: 'Owner', allOwners: 'All owners', allAreas: 'All areas',
    name: 'Enterprise', area: 'Area', employees: 'Employees', members: 'Members', status: 'Plan status',
  },
  history: { title: 'Edit history', empty: 'No edits', insert: 'Created', update: 'Edited', delete: 'Deleted', by: 'By', fields: 'Changes', system: 'system' },
  validation: { creditCode: 'Credit code check digit is wrong (should be {{expected}})', creditCodeFormat: 'A credit code has 18 digits or capital letters', nonNegative: 'Must not be negative', required: 'Required' },
  bulletin: {
    take: 'Take snapshot', auto: 'Every half month (1st and 16th)', empty: 'No snapshots yet: pick a date and press "Take snapshot".', taken: 'Snapshot of {{date}} taken',
    rank: 'Rank', area: 'Area', rate: 'Coverage', points: 'Change', newOrgs: 'New orgs', newlyCovered: 'Newly covered', itemsDone: 'Items done', sixClears: 'Six clears',
    districts: 'Districts ranked', streetsOf: 'Streets of {{name}}', since: 'Compared with the previous snapshot ({{date}})', xlsx: 'Export XLSX', print: 'Print bulletin',
    printTitle: 'Half-monthly bulletin: Party organizations in non-public enterprises ({{dataset}}, {{date}})',
  },
  slides: {
    afterPlan: 'Map shows coverage after the plan', title: 'Slide title', note: 'Note (shown when presenting)', add: 'Save the current view as a slide', present: 'Present', empty: 'No slides yet',
    untitled: 'Slide {{n}}', recapture: 'Update view', before: 'Now', after: 'After the plan', exit: 'Leave', rateNow: 'Coverage now', rateAfter: 'Coverage after the plan',
  },
  image: {
    button: 'Map image', title: 'Export the map as PNG', width: 'Width (pixels; 3840 or more for projectors and print)', heading: 'Title', defaultTitle: 'Party organization coverage in non-public enterprises',
    export: 'Export PNG', north: 'N', attribution: 'Data: {{dataset}} {{synthetic}} · Basemap: administrative areas (offline) · LianJian',
  },
  report: { print: 'Print report', size: 'Paper', title: '{{area}}: Party organizations in non-public enterprises', figures: 'Key figures', ranking: 'Areas ranked by coverage', recommendations: 'Recommendations (first {{count}})', map: 'Coverage map', generated: 'Generated {{date}}' },
  coverage: { own_org: 'Own organization', joint_org: 'Joint organization', work_only: 'Work coverage only', uncovered_must: 'Uncovered, must cover', uncovered_other: 'Uncovered', out_of_scope: 'Not operating' },
};
