/** A figure's label with its definition one hover away (组建率, 单独组建率, 应建企业 …). Text only. */
import { Tooltip } from 'antd';

export function HeaderTip({ label, tip }: { label: string; tip: string }) {
  return (
    <Tooltip title={tip}>
      <span className="header-tip" data-testid="header-tip">{label}</span>
    </Tooltip>
  );
}
