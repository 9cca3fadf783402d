/**
 * A control the signed-in user may not use: shown disabled with the reason (what row-level security
 * would refuse), instead of offered and then failing. Allowed: the control as it is.
 */
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../state/capabilities';
import { useAreas } from './area-names';

/** The reason a capability is refused, in words with area names (null when allowed). */
export function useRefusal(): (capability: Capability) => string | null {
  const { t } = useTranslation();
  const { areaName } = useAreas();
  return (capability) => {
    if (capability.allowed) return null;
    const values = Object.fromEntries(Object.entries(capability.values ?? {}).map(([k, v]) => [k, areaName(v) || t('staff.noArea')]));
    return t(`staff.reason.${capability.reason}`, values);
  };
}

export function Guarded({ capability, children }: { capability: Capability; children: ReactElement<{ disabled?: boolean }> }) {
  const refusal = useRefusal()(capability);
  if (!refusal || !isValidElement(children)) return children;
  return (
    <Tooltip title={refusal}>
      <span data-testid="refused" data-reason={refusal} style={{ display: 'inline-block' }}>{cloneElement(children, { disabled: true })}</span>
    </Tooltip>
  );
}
