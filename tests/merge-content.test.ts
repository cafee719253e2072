/**
 * Merges need content (issue 18, part 2; issue 16's tiny-body hazard): a body
 * under `dedupe.minWords` never merges, and a body with no article text is
 * rejected as not an article.
 */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {scanFile} from '../src/process-file.js'
import {articleWordCount} from '../src/stages/article-text.js'
import {deduplicate} from '../src/stages/dedupe.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {sha256Hex} from '../src/stages/discover.js'
import {processText} from './helpers/run.js'

const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-01-0${title.length % 9 + 1}\n---\n\n${body}\n`
/** The scan is what deduplication sees (the render runs after it, for canonical members only). */
const scanned = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text)
  const result = scanFile({path: name, bytes, sha256: sha256Hex(bytes)}, defaultConfig)
  if (result.status !== 'ok') throw new Error(result.reason)
  return {path: name, date: result.meta.date, signature: result.signature}
}

describe('dedupe: minimum content', () => {
  const longBody =
    'Unplug the router from the wall and wait at least thirty seconds before you plug it back in. ' +
    'Watch the lights on the front panel: when the internet light stays green for a full minute, open a web page ' +
    'on your laptop and check whether the connection is back.'

  it('two copies with enough words merge; the same two copies cut below the minimum stay apart', () => {
    expect(longBody.split(' ').length).toBeGreaterThanOrEqual(defaultConfig.dedupe.minWords)
    const long = deduplicate([scanned('a.md', article('Restart the Router', longBody)), scanned('b.md', article('Router Restart Guide', longBody))], defaultConfig.dedupe)
    expect(long).toHaveLength(1)
    const shortBody = longBody.split(' ').slice(0, defaultConfig.dedupe.minWords - 1).join(' ')
    const short = deduplicate([scanned('a.md', article('Restart the Router', shortBody)), scanned('b.md', article('Router Restart Guide', shortBody))], defaultConfig.dedupe)
    expect(short.map((cluster) => cluster.duplicates.length)).toEqual([0, 0])
  })

  it('the minimum is configurable', () => {
    const body = 'Restart the phone and try again.'
    const config = {...defaultConfig.dedupe, minWords: 3}
    const clusters = deduplicate([scanned('a.md', article('One', body)), scanned('b.md', article('Two', body))], config)
    expect(clusters).toHaveLength(1)
  })

  it('500 files whose bodies are only "Thanks for reading." are 500 fix sets, not one with 499 aliases', () => {
    const items = Array.from({length: 500}, (_, index) => scanned(`thanks-${String(index).padStart(3, '0')}.md`, article(`Title number ${index}`, 'Thanks for reading.')))
    const clusters = deduplicate(items, defaultConfig.dedupe)
    expect(clusters).toHaveLength(500)
    expect(clusters.every((cluster) => cluster.duplicates.length === 0)).toBe(true)
  })
})

describe('not an article', () => {
  it('a body of template placeholders only is rejected with the reason', () => {
    const result = processText(article('Best Printers of 2024', '{{post-main-content}}\n\n{{post-assign-content}}'), 'placeholder.md')
    expect(result.status).toBe('rejected')
    expect(result.status === 'rejected' && result.reason).toMatch(/^Not an article: no article text is left/)
  })

  it('a body of chrome only (a clipping whose lines and blocks the rule tables know) is rejected', () => {
    const config = {
      ...defaultConfig,
      dropLines: [...defaultConfig.dropLines, {ruleId: 'clip-source', pattern: '^source: \\S+$'}],
      dropBlocks: [...defaultConfig.dropBlocks, {ruleId: 'clip-excerpt', pattern: '^Excerpt'}]
    }
    const clipping = article('Go Arithmetic Operators', 'source: https://www.w3schools.com/go/go_arithmetic_operators.php\n\n> ## Excerpt\n> W3Schools offers free online tutorials, references and exercises.\n\n---')
    const result = processText(clipping, 'clip.md', config)
    expect(result.status === 'rejected' && result.reason).toMatch(/^Not an article: no article text is left/)
    // The default tables know the clipper's header too (clipper-excerpt, the source: line).
    expect(processText(clipping, 'clip.md').status).toBe('rejected')
  })

  it('a body of chrome only (an HTML shell with a form and a script) is rejected', () => {
    const result = processText(article('Sign up', '<form><input name="email"><button>Subscribe</button></form>\n<script>track()</script>\n\nClose'), 'shell.md')
    expect(result.status === 'rejected' && result.reason).toMatch(/^Not an article/)
  })

  it('a short scrape-failure page is rejected; the same words inside a real article are not', () => {
    const nag = processText(article('Fix Wi-Fi Drops', 'Please enable JavaScript to continue.'), 'nag.md')
    expect(nag.status === 'rejected' && nag.reason).toBe('Not an article: the body is only "please enable javascript to continue" (rule not-an-article).')
    const real = processText(article('Fix Wi-Fi Drops', 'Please enable JavaScript to continue. ' + 'Then open the router page and restart the Wi-Fi radio from its settings menu, wait a minute, and test the connection again on every device in the house.'), 'real.md')
    expect(real.status).toBe('ok')
  })

  it("a video's watch page (a view count, the description cut short by '...more') is rejected; an article quoting a view count is not", () => {
    const description = 'Learn the fundamentals of Go by building a full stack payment application. Go is a powerful and efficient language designed for modern software development. …'
    const watch = processText(article('Go for Absolute Beginners – Tutorial - YouTube', `82K views 6 months ago\n\n${description}\n\n...more`), 'watch.md')
    expect(watch.status === 'rejected' && watch.reason).toMatch(/^Not an article: the body is a video page's view count/)
    const quoting = processText(article('Why the Video Went Viral', `It had 82K views 6 months ago.\n\n${description}\n\nRead on to learn more`), 'quoting.md')
    expect(quoting.status).toBe('ok')
  })

  it('a short body with some text (ten words or more) is kept as its own fix set', () => {
    expect(processText(article('Reset', 'Hold the reset button for ten seconds, then plug the router back in.'), 'short.md').status).toBe('ok')
  })

  it('a body that cleaning brought below ten words of text is rejected (a clipped footer under the excerpt); a body short from the start stays', () => {
    const excerpt = '> ## Excerpt\n> W3Schools offers free online tutorials, references and exercises in all the major languages of the web, covering popular subjects like HTML, CSS, JavaScript, Python, SQL and Java.'
    const footer = '[Copyright 1999-2025](https://www.w3schools.com/about/about_copyright.asp) by Refsnes Data. All Rights Reserved. [W3Schools is Powered by W3.CSS](https://www.w3schools.com/w3css/default.asp).'
    const clipped = processText(article('Go Arithmetic Operators', `${excerpt}\n\n${footer}`), 'footer.md')
    // The excerpt is clipper chrome, link text is no article text, and the copyright line left between the links is site chrome.
    expect(clipped.status === 'rejected' && clipped.reason).toMatch(/^Not an article: (?:nothing is left of the body|only \d of its \d+ words of text are left) after cleaning/)
    expect(processText(article('Thanks', 'Thanks for reading.'), 'thanks.md').status).toBe('ok')
    // A page of headings is text all the same (a README's change log).
    expect(processText(article('Chat', '## SignalRMVCChat\n\n### 0.0.1 - Initial commit\n\n### 0.0.2 - Created the ChatHub class\n\n### 0.0.3 - Initial page structure'), 'readme.md').status).toBe('ok')
  })

  it('a truncated clip whose only text left is the tail of its address is rejected; a slash in prose is still a word', () => {
    // No frontmatter: the clip starts mid-address and stops inside the excerpt.
    const truncated = processText('com/environment-variables\n\n> ## Excerpt\n> Environment variab', 'truncated.md')
    expect(truncated.status === 'rejected' && truncated.reason).toMatch(/^Not an article: only 0 of its \d+ words of text are left after cleaning/)
    // A slash alone joins words ("TCP/IP", "and/or": four runs of letters); a dot or dash beside it marks an address ("See … or … for more." is four words).
    expect(articleWordCount(parseMarkdown('Reset TCP/IP and/or restart Windows.').children)).toBe(7)
    expect(articleWordCount(parseMarkdown('See docs.example.com/setup-guide or www.example.com/a_b for more.').children)).toBe(4)
  })

  it('a count told how many words are enough stops after the text node that reaches them, and is exact below them', () => {
    const body = parseMarkdown('Reset TCP/IP and/or restart Windows.\n\nThen sign in again.').children
    // Seven words in the first paragraph reach five: the second paragraph's four are not read.
    expect(articleWordCount(body, 5)).toBe(7)
    // Eleven words in all, fewer than twenty: the whole body is read.
    expect(articleWordCount(body, 20)).toBe(11)
    expect(articleWordCount(body)).toBe(11)
  })
})
