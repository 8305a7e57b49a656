// What the demo city's market talks about: Luoyang's ten industry clusters (DOMAIN.md), each with its
// technology concepts. A concept's first spelling is how titles name it; the others are the ways people
// also write it (synonyms, abbreviations). The demo generator and the labelled search queries both
// build on this table, so every generated listing knows what it is about.
export type Concept = { key: string; spellings: readonly string[] };
export type Cluster = { field: string; concepts: readonly Concept[]; products: readonly string[]; problems: readonly string[] };

const c = (key: string, ...spellings: string[]): Concept => ({ key, spellings: spellings.length ? spellings : [key] });

export const DEMO_CLUSTERS: readonly Cluster[] = [
  {
    field: '光电元器件',
    concepts: [c('光电探测器'), c('光纤传感器', '光纤传感器', '光纤传感'), c('激光器'), c('红外探测器'), c('电连接器', '电连接器', '连接器'), c('光电耦合器')],
    products: ['模块', '组件', '封装工艺', '测试系统', '阵列'],
    problems: ['一致性差', '良率偏低', '温漂严重', '寿命不足', '进口依赖'],
  },
  {
    field: '农机装备',
    concepts: [c('拖拉机'), c('联合收割机', '联合收割机', '收割机'), c('植保无人机', '植保无人机', '农用无人机'), c('智能农机'), c('精量播种机'), c('秸秆打捆机')],
    products: ['控制系统', '传动系统', '导航系统', '作业监测装置', '液压系统'],
    problems: ['作业效率低', '故障率高', '油耗偏高', '自动驾驶精度不足', '丘陵地区适应性差'],
  },
  {
    field: '航空装备',
    concepts: [c('航空发动机'), c('起落架'), c('机载设备'), c('钛合金', '钛合金'), c('高温合金'), c('复合材料构件')],
    products: ['叶片', '锻件', '精密铸造工艺', '无损检测方法', '疲劳寿命评估'],
    problems: ['加工变形', '疲劳寿命不足', '检测效率低', '减重需求', '国产化替代'],
  },
  {
    field: '高端轴承',
    concepts: [c('风电轴承'), c('精密轴承', '精密轴承', '高端轴承'), c('回转支承'), c('轴承钢'), c('陶瓷轴承'), c('故障诊断', '故障诊断', '故障检测')],
    products: ['热处理工艺', '寿命试验台', '润滑方案', '在线监测系统', '滚道磨削工艺'],
    problems: ['早期失效', '噪声振动大', '寿命不足', '精度保持性差', '润滑失效'],
  },
  {
    field: '耐火材料',
    concepts: [c('镁碳砖'), c('不定形耐火材料'), c('高纯氧化铝', '高纯氧化铝', '氧化铝'), c('莫来石'), c('刚玉'), c('耐火材料回收')],
    products: ['制备工艺', '窑炉内衬', '烧成工艺', '浇注料', '性能检测方法'],
    problems: ['抗热震性差', '使用寿命短', '能耗高', '粉尘污染', '原料成本上涨'],
  },
  {
    field: '生物医药',
    concepts: [c('兽用疫苗'), c('单克隆抗体', '单克隆抗体', '抗体药物'), c('原料药'), c('体外诊断', '体外诊断', 'IVD'), c('中药'), c('医疗器械', '医疗器械', '医疗设备')],
    products: ['制备工艺', '检测试剂盒', '纯化工艺', '质量控制方法', '制剂'],
    problems: ['收率低', '杂质超标', '检测灵敏度不足', '成本高', '注册周期长'],
  },
  {
    field: '电子化工材料',
    concepts: [c('光刻胶'), c('湿电子化学品'), c('电子特气'), c('溅射靶材', '溅射靶材', '靶材'), c('钼靶材'), c('多晶硅')],
    products: ['提纯工艺', '合成方法', '分析检测方法', '包装储运方案', '配方'],
    problems: ['纯度不达标', '金属杂质偏高', '批次稳定性差', '进口依赖', '废液处理难'],
  },
  {
    field: '人工智能',
    concepts: [c('机器视觉', '机器视觉', '计算机视觉'), c('缺陷检测'), c('大模型', '大模型', '大语言模型'), c('知识图谱'), c('工业机器人', '工业机器人', '机械臂'), c('预测性维护')],
    products: ['算法', '平台', '系统', '边缘计算设备', '数据集'],
    problems: ['人工质检效率低', '漏检率高', '数据孤岛', '设备非计划停机', '知识难以沉淀'],
  },
  {
    field: '新能源电池',
    concepts: [c('锂电池', '锂电池', '锂电', '锂离子电池'), c('钠离子电池'), c('固态电池'), c('磷酸铁锂'), c('电池管理系统', '电池管理系统', 'BMS'), c('储能', '储能', '储能系统'), c('氢燃料电池')],
    products: ['正极材料', '隔膜', '热管理方案', '回收工艺', '电解液'],
    problems: ['低温性能差', '循环寿命短', '热失控风险', '成本偏高', '一致性差'],
  },
  {
    field: '电子显示材料',
    concepts: [c('超薄玻璃'), c('OLED'), c('偏光片'), c('液晶显示'), c('光伏玻璃', '光伏玻璃'), c('石墨烯', '石墨烯')],
    products: ['导热膜', '镀膜工艺', '减薄工艺', '封装材料', '检测设备'],
    problems: ['透光率不足', '易碎', '良率偏低', '散热不良', '成本高'],
  },
];

export const ACHIEVEMENT_TITLE_TEMPLATES = [
  '{adj}{concept}{product}', '一种{adj}{concept}{product}', '{concept}{product}关键技术', '基于{other}的{concept}{product}', '{concept}{product}及其产业化',
] as const;
export const ADJECTIVES = ['高性能', '低成本', '高可靠', '长寿命', '智能化', '绿色', '高精度', '轻量化'] as const;
export const DEMAND_TITLE_TEMPLATES = ['寻求{concept}{problem}解决方案', '{concept}{problem}技术攻关', '征集{concept}{product}技术', '{concept}{product}联合开发需求'] as const;
export const SUMMARY_OPENINGS = ['本成果面向{field}产业，', '项目团队长期从事{field}领域研究，', '针对{field}企业的实际需求，'] as const;
