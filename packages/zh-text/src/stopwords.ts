// Words that say nothing about a technology; dropped from the index and from queries. A query made of
// these alone has no terms (and gets a clear error, not every listing).
export const STOPWORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '与', '及', '及其', '或', '等', '在', '对', '为', '是', '有', '中', '其', '之', '以', '于', '由', '将',
  '被', '把', '并', '而', '也', '都', '就', '这', '那', '该', '此', '各', '个', '种', '一种', '一个', '一些', '我们', '本',
  '通过', '进行', '采用', '利用', '基于', '用于', '以及', '可以', '能够', '具有', '提出', '研究', '分析', '方法', '技术',
  '我', '你', '他', '她', '它', '吗', '呢', '吧', '啊', '如何', '怎么', '什么', '哪些', '需要', '希望', '寻求', '相关',
  'the', 'a', 'an', 'of', 'and', 'or', 'for', 'in', 'on', 'to', 'with', 'by',
]);
