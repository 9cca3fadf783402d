/**
 * Facts about Hangzhou in 2011 used by the synthetic dataset: the 13 districts and counties with
 * their GB/T 2260 codes of the time, approximate seats, town/street names, and the zones the source
 * report names. Shapes are NOT real boundaries: the generator draws them around these seats.
 */
export interface DistrictFact {
  code: string;
  name: string;
  seat: readonly [number, number];
  /** Share of the city's operating enterprises. */
  share: number;
  urban: boolean;
  streets: string[];
}

const jd = (names: string) => names.split(' ').map((n) => `${n}街道`);
const zh = (names: string) => names.split(' ').map((n) => (n.endsWith('街道') || n.endsWith('乡') ? n : `${n}镇`));

export const HANGZHOU_DISTRICTS: DistrictFact[] = [
  { code: '330102', name: '上城区', seat: [120.171, 30.249], share: 0.062, urban: true, streets: jd('清波 湖滨 小营 望江 南星 紫阳') },
  { code: '330103', name: '下城区', seat: [120.180, 30.281], share: 0.088, urban: true, streets: jd('武林 天水 朝晖 潮鸣 长庆 石桥 东新 文晖') },
  { code: '330104', name: '江干区', seat: [120.207, 30.262], share: 0.085, urban: true, streets: jd('凯旋 采荷 闸弄口 四季青 笕桥 彭埠 九堡 丁兰 白杨 下沙') },
  { code: '330105', name: '拱墅区', seat: [120.150, 30.316], share: 0.07, urban: true, streets: jd('米市巷 湖墅 小河 和睦 拱宸桥 大关 上塘 祥符 康桥 半山') },
  { code: '330106', name: '西湖区', seat: [120.130, 30.262], share: 0.12, urban: true, streets: jd('北山 西溪 翠苑 文新 古荡 灵隐 转塘 留下 蒋村 三墩 西湖 双浦') },
  { code: '330108', name: '滨江区', seat: [120.211, 30.208], share: 0.08, urban: true, streets: jd('西兴 长河 浦沿') },
  { code: '330109', name: '萧山区', seat: [120.264, 30.185], share: 0.17, urban: false, streets: [...jd('城厢 北干 蜀山 新塘'), ...zh('临浦 义桥 瓜沥 宁围 新街 衙前 闻堰 所前 河上 戴村 楼塔 进化 浦阳 党湾 益农 靖江 南阳 义蓬')] },
  { code: '330110', name: '余杭区', seat: [120.300, 30.420], share: 0.14, urban: false, streets: [...jd('临平 东湖 南苑 星桥 五常'), ...zh('乔司 运河 崇贤 仁和 良渚 瓶窑 余杭 闲林 仓前 中泰 径山 黄湖 鸬鸟 百丈 塘栖')] },
  { code: '330183', name: '富阳市', seat: [119.960, 30.049], share: 0.06, urban: false, streets: [...jd('富春 春江 东洲 银湖 鹿山'), ...zh('新登 场口 大源 灵桥 里山 常绿 万市 洞桥 胥口 渌渚')] },
  { code: '330185', name: '临安市', seat: [119.724, 30.234], share: 0.04, urban: false, streets: [...jd('锦城 玲珑 锦南 锦北 青山湖'), ...zh('於潜 昌化 太湖源 高虹 天目山 河桥 龙岗 清凉峰 湍口')] },
  { code: '330122', name: '桐庐县', seat: [119.685, 29.797], share: 0.035, urban: false, streets: zh('桐君街道 旧县街道 城南街道 富春江 横村 分水 瑶琳 百江 江南 新合乡 莪山乡 钟山乡') },
  { code: '330127', name: '淳安县', seat: [119.042, 29.609], share: 0.015, urban: false, streets: zh('千岛湖 文昌 石林 临岐 威坪 姜家 梓桐 汾口 中洲 大墅 枫树岭 里商乡 金峰乡 富文乡 左口乡 屏门乡 瑶山乡 王阜乡 宋村乡 鸠坑乡 浪川乡 界首乡 安阳乡') },
  { code: '330182', name: '建德市', seat: [119.281, 29.474], share: 0.035, urban: false, streets: [...jd('新安江 洋溪 更楼'), ...zh('莲花 乾潭 梅城 杨村桥 下涯 大洋 三都 寿昌 航头 大慈岩 大同 李家 钦堂乡')] },
];

/** Hangzhou's municipal extent, roughly traced (WGS-84), as an open ring. */
export const HANGZHOU_OUTLINE: [number, number][] = [
  [118.36, 29.62], [118.52, 29.36], [118.86, 29.20], [119.30, 29.21], [119.62, 29.35], [119.95, 29.55],
  [120.22, 29.78], [120.45, 29.97], [120.62, 30.12], [120.72, 30.30], [120.66, 30.44], [120.42, 30.56],
  [120.12, 30.57], [119.82, 30.50], [119.50, 30.48], [119.18, 30.40], [118.86, 30.28], [118.56, 30.08],
];

export interface ZoneFact {
  name: string;
  district: string;
  kind: 'business_district' | 'park' | 'market' | 'village';
  at: readonly [number, number];
  radiusM: number;
  /** North–south stretch for streets such as 南宋御街. */
  stretch?: number;
  /** Office buildings to draw inside. */
  buildings: number;
}

/** Zones the source report names, placed near where they are (approximate, synthetic outlines). */
export const NAMED_ZONES: ZoneFact[] = [
  { name: '吴山商圈', district: '上城区', kind: 'business_district', at: [120.166, 30.242], radiusM: 450, buildings: 40 },
  { name: '南宋御街', district: '上城区', kind: 'market', at: [120.1705, 30.2505], radiusM: 130, stretch: 5, buildings: 0 },
  { name: '湖滨商圈', district: '上城区', kind: 'business_district', at: [120.164, 30.2585], radiusM: 380, buildings: 35 },
  { name: '玉皇山南国际创意区', district: '上城区', kind: 'park', at: [120.160, 30.222], radiusM: 420, buildings: 25 },
  { name: '葵巷社区文化用品市场', district: '上城区', kind: 'market', at: [120.181, 30.262], radiusM: 140, buildings: 0 },
  { name: '武林路女装街', district: '下城区', kind: 'market', at: [120.1635, 30.2715], radiusM: 110, stretch: 5, buildings: 0 },
  { name: '中国丝绸城', district: '下城区', kind: 'market', at: [120.1775, 30.2765], radiusM: 220, buildings: 6 },
  { name: '武林商圈', district: '下城区', kind: 'business_district', at: [120.171, 30.2715], radiusM: 330, buildings: 45 },
  { name: '黄龙商圈', district: '西湖区', kind: 'business_district', at: [120.143, 30.271], radiusM: 520, buildings: 60 },
  { name: '杭州农近水产市场', district: '江干区', kind: 'market', at: [120.226, 30.292], radiusM: 260, buildings: 0 },
  { name: '钱江新城中央商务区', district: '江干区', kind: 'business_district', at: [120.214, 30.247], radiusM: 900, buildings: 160 },
  { name: '滨江高新园区', district: '滨江区', kind: 'park', at: [120.193, 30.197], radiusM: 1500, buildings: 260 },
  { name: '下沙经济技术开发区', district: '江干区', kind: 'park', at: [120.335, 30.300], radiusM: 1800, buildings: 90 },
  { name: '西溪商务区', district: '西湖区', kind: 'business_district', at: [120.095, 30.278], radiusM: 700, buildings: 90 },
  { name: '萧山经济技术开发区', district: '萧山区', kind: 'park', at: [120.290, 30.200], radiusM: 1800, buildings: 70 },
  { name: '余杭经济技术开发区', district: '余杭区', kind: 'park', at: [120.320, 30.440], radiusM: 1500, buildings: 50 },
];

export const ROAD_NAMES = ['解放路', '庆春路', '凤起路', '延安路', '中山路', '体育场路', '文三路', '莫干山路', '建国路', '环城北路', '江南大道', '滨盛路', '人民路', '市心路', '迎宾路', '南大街', '新华路', '秋涛路', '天目山路', '文一路'];
export const NAME_CHARS = '华兴盛恒达信诚丰泰鑫宏瑞安祥和嘉德新源科创杰明远东方佳利益海天正博宇金辰帆锐立伟康鼎聚合凯荣'.split('');
export const INDUSTRIES = [
  { name: '批发和零售业', suffix: '贸易', urban: 20, rural: 14 },
  { name: '制造业', suffix: '实业', urban: 7, rural: 34 },
  { name: '信息传输、软件和信息技术服务业', suffix: '网络科技', urban: 14, rural: 3 },
  { name: '租赁和商务服务业', suffix: '商务咨询', urban: 14, rural: 5 },
  { name: '住宿和餐饮业', suffix: '餐饮管理', urban: 9, rural: 6 },
  { name: '建筑业', suffix: '建设工程', urban: 5, rural: 9 },
  { name: '房地产业', suffix: '置业', urban: 4, rural: 3 },
  { name: '科学研究和技术服务业', suffix: '技术', urban: 9, rural: 3 },
  { name: '交通运输、仓储和邮政业', suffix: '物流', urban: 4, rural: 7 },
  { name: '文化、体育和娱乐业', suffix: '文化创意', urban: 6, rural: 2 },
  { name: '居民服务、修理和其他服务业', suffix: '服务', urban: 6, rural: 8 },
  { name: '农、林、牧、渔业', suffix: '农业开发', urban: 0.5, rural: 6 },
];
