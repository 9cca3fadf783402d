/** The campaign's fields in the enterprise edit form (inside its antd Form): members elsewhere, mass organizations, key enterprise. */
import { DatePicker, Divider, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ELSEWHERE_PLACES } from '../../core/campaign/members';
import type { Enterprise } from '../../core/model/types';
import type { EnterprisePatch } from '../../core/model/records';

/** The form's values of these fields. */
export interface CampaignFormValues {
  membersElsewhere?: number | null;
  membersElsewhereAtList?: string[];
  membersTransferred?: number | null;
  transferStatus?: Enterprise['transferStatus'];
  tradeUnion?: boolean | null;
  youthLeague?: boolean | null;
  womensFederation?: boolean | null;
  keyCategory?: string;
  liaison?: string;
  registeredOnDay?: Dayjs | null;
}

export const KEY_CATEGORIES = ['亿元以上', '优势成长型', '双重管理'];

export function campaignInitialValues(e: Enterprise): CampaignFormValues {
  return {
    membersElsewhere: e.membersElsewhere ?? null, membersElsewhereAtList: (e.membersElsewhereAt ?? '').split(';').filter(Boolean),
    membersTransferred: e.membersTransferred ?? null, transferStatus: e.transferStatus ?? null,
    tradeUnion: e.tradeUnion ?? null, youthLeague: e.youthLeague ?? null, womensFederation: e.womensFederation ?? null,
    keyCategory: e.keyCategory ?? '', liaison: e.liaison ?? '', registeredOnDay: e.registeredOn ? dayjs(e.registeredOn) : null,
  };
}

/** The patch of these fields (a cleared field is sent as unknown, never left out). */
export function campaignPatch(v: CampaignFormValues): EnterprisePatch {
  return {
    membersElsewhere: v.membersElsewhere ?? null, membersElsewhereAt: (v.membersElsewhereAtList ?? []).map((p) => p.trim()).filter(Boolean).join(';'),
    membersTransferred: v.membersTransferred ?? null, transferStatus: v.transferStatus ?? null,
    tradeUnion: v.tradeUnion ?? null, youthLeague: v.youthLeague ?? null, womensFederation: v.womensFederation ?? null,
    keyCategory: (v.keyCategory ?? '').trim(), liaison: (v.liaison ?? '').trim(), registeredOn: v.registeredOnDay ? v.registeredOnDay.format('YYYY-MM-DD') : null,
  };
}

const FORM_KEYS: readonly (keyof CampaignFormValues)[] = ['membersElsewhere', 'membersElsewhereAtList', 'membersTransferred', 'transferStatus', 'tradeUnion', 'youthLeague', 'womensFederation', 'keyCategory', 'liaison', 'registeredOnDay'];

/** The other fields of the form's values (the campaign's go through `campaignPatch`). */
export function withoutCampaignValues<T extends CampaignFormValues>(values: T): Omit<T, keyof CampaignFormValues> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !(FORM_KEYS as readonly string[]).includes(k))) as Omit<T, keyof CampaignFormValues>;
}

export function CampaignEditFields() {
  const { t } = useTranslation();
  const count = { style: { width: '100%' }, min: 0, precision: 0 } as const;
  const tri = [{ value: true, label: t('campaign.tri.yes') }, { value: false, label: t('campaign.tri.no') }];
  return (
    <>
      <Divider plain size="small">{t('campaign.edit.section')}</Divider>
      <Form.Item name="membersElsewhere" label={t('campaign.detail.elsewhere')}><InputNumber {...count} data-testid="edit-members-elsewhere" /></Form.Item>
      <Form.Item name="membersElsewhereAtList" label={t('campaign.detail.elsewhereAt')} tooltip={t('campaign.edit.places')}>
        <Select mode="tags" allowClear options={ELSEWHERE_PLACES.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item
        name="membersTransferred" label={t('columns.members_transferred')} dependencies={['membersElsewhere']}
        rules={[({ getFieldValue }) => ({
          validator: (_: unknown, v: number | null | undefined) => (v == null || v <= (getFieldValue('membersElsewhere') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('columns.members_transferred') + ' ≤ ' + t('campaign.detail.elsewhere')))),
        })]}
      ><InputNumber {...count} /></Form.Item>
      <Form.Item name="transferStatus" label={t('campaign.detail.transfer')}>
        <Select allowClear options={(['pending', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: t(`campaign.transferStatus.${s}`), disabled: s === 'done' }))} />
      </Form.Item>
      <Form.Item name="tradeUnion" label={t('campaign.massOrg.union')}><Select allowClear options={tri} data-testid="edit-union" /></Form.Item>
      <Form.Item name="youthLeague" label={t('campaign.massOrg.youth_league')}><Select allowClear options={tri} /></Form.Item>
      <Form.Item name="womensFederation" label={t('campaign.massOrg.womens_federation')}><Select allowClear options={tri} /></Form.Item>
      <Form.Item name="keyCategory" label={t('campaign.detail.keyCategory')}>
        <Select allowClear showSearch options={KEY_CATEGORIES.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="liaison" label={t('campaign.detail.liaison')}><Input /></Form.Item>
      <Form.Item name="registeredOnDay" label={t('campaign.detail.registeredOn')}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </>
  );
}
