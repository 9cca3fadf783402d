/** The status light (红黄绿) of a task, as the worklist, the plan list and the 督办 view show it. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_LIGHT_COLORS, type StatusLight } from '../../core/followup/status-light';

export const lightCss = (light: StatusLight) => `rgb(${STATUS_LIGHT_COLORS[light].join(', ')})`;

export function StatusLightTag({ light, suffix }: { light: StatusLight | null; suffix?: string }) {
  const { t } = useTranslation();
  if (!light) return null;
  return (
    // Solid 红黄绿 (antd tints a custom colour into a pale background, which reads as pink, not red).
    <Tag style={{ background: lightCss(light), borderColor: lightCss(light), color: light === 'due_soon' ? '#262626' : '#fff' }} data-testid="status-light" data-light={light}>
      {t(`followup.light.${light}`)}{suffix ? ` · ${suffix}` : ''}
    </Tag>
  );
}
