/**
 * Synthetic leaders in charge (分片包干责任领导) for the demo areas: a name picked from the area code by a
 * hash, so that no random draw of the generators changes (the demo figures stay as they were). The names
 * are invented, like the enterprises.
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const GIVEN = ['建国', '卫东', '海燕', '晓明', '丽华', '志强', '国平', '雪芳', '伟民', '红霞', '立新', '春燕', '永康', '慧敏', '建军', '秀英', '文斌', '美玲', '德华', '静怡'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function demoLeader(areaCode: string): string {
  const h = hash(areaCode);
  return SURNAMES[h % SURNAMES.length] + GIVEN[Math.floor(h / SURNAMES.length) % GIVEN.length];
}
