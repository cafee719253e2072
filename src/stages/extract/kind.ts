/**
 * What kind of article a fix set is (`../shared/gold/GUIDELINES.md`):
 * `fixes` (several alternative fixes for one problem), `guide` (one
 * procedure), `review` (one or a few products), `list` ("best X") or `news`.
 * Read from the title and the structure extraction found.
 */
export type ArticleKind = 'fixes' | 'guide' | 'review' | 'list' | 'news'

export interface KindEvidence {
  /** The label word of each item's heading (`fix`, `method`, …; null when it has none). */
  itemLabels: ReadonlyArray<string | null>
  itemTitles: readonly string[]
  numberedItems: number
  steps: number
}

const fixLabels = new Set(['fix', 'method', 'solution', 'way', 'option', 'workaround', 'trick', 'hack', 'approach', 'tip'])
const problemTitle =
  /\b(?:fix(?:es|ed|ing)?|solv(?:e|ed|es|ing)|resolv(?:e|ed|es|ing)|troubleshoot\w*|errors?|not working|won'?t|can'?t|cannot|isn'?t|doesn'?t|fail\w*|crash\w*|issues?|problems?|repair\w*|stuck|missing|not (?:found|showing|detected|responding|opening|loading|recogni[sz]ed)|code \d+|0x[0-9a-f]{4,}|bsod|black screen|blue screen|freez\w*|lag\w*|glitch\w*|bugs?|eliminat\w*|get rid of|remov\w+|prevent\w*|solutions?|methods|\d+ ways|workarounds?)\b/i
/** Item titles that read as a troubleshooting action ("Restart your iPhone", "Update the driver"). */
const fixAction =
  /^(?:check|restart|reboot|update|upgrade|reinstall|re-install|install|uninstall|disable|enable|run|clear|reset|delete|remove|roll ?back|repair|scan|make sure|ensure|perform|try|change|turn (?:off|on)|switch|verify|use|download|modify|adjust|set|close|end|stop|rename|replace|reconnect|unplug|free up|force|sign out|log out|contact|edit|kill|boot|start|launch|allow|add|fix|troubleshoot)\b/i
const listTitle =
  /\b(?:best|top[- ]rated|top \d+|picks|alternatives|favorite|favourite|deals?|offers|sale)\b|\b\d+ (?:\w+ ){0,3}(?:features|things|reasons|apps|tips|games|tools|sites|websites|products|ideas|uses|gadgets|gifts|extensions|programs|services|options|alternatives|phones|laptops|picks)\b/i
const reviewTitle = /\b(?:review(?:ed|s)?|hands[- ]on|tested|vs\.?|versus|compared?|comparison)\b/i
const reviewSections = /^(?:design|display|screen|performance|battery(?: life)?|cameras?|audio|sound|software|price|pricing|specs|specifications|features|build(?: quality)?|keyboard|comfort|connectivity|pros|cons|pros and cons|verdict|value)\b/i
const guideTitle = /\b(?:how to|guide|tutorial|step[- ]by[- ]step|steps|install\w*|download\w*|convert\w*|set(?:ting)? up|setup|create|creating|make|making|use|using|enable|disable|change|record|capture|transfer|access)\b/i

export function classifyKind(title: string, evidence: KindEvidence): ArticleKind {
  const items = evidence.itemTitles.length
  const labelledFixes = evidence.itemLabels.filter((label) => label !== null && fixLabels.has(label)).length
  if (evidence.itemTitles.filter((item) => reviewSections.test(item)).length >= 2) return 'review'
  if (labelledFixes >= 2) return 'fixes'
  if (problemTitle.test(title) && items >= 2) return 'fixes'
  if (evidence.numberedItems >= 3 && evidence.itemTitles.filter((item) => fixAction.test(item)).length >= Math.max(2, items / 2)) return 'fixes'
  if (reviewTitle.test(title) && !problemTitle.test(title)) return 'review'
  if (listTitle.test(title) && items >= 2) return 'list'
  if (evidence.steps >= 3 || (guideTitle.test(title) && items >= 1)) return 'guide'
  return 'news'
}
