/**
 * A line that is only a date, as page chrome prints it: a post's date, an
 * author box's `Carina | Updated on Mar 29, 2024`, a comment's `October 3,
 * 2020 at 9:33 pm`, `December 03, 2018 07:00 / Posted by Andrew Miller to
 * iTunes Tips`. A how-to never makes a step or a sentence of a date alone,
 * so the line can go (`dropLines` rule `date-line`); the comment-thread rule
 * tells a comment by it. Kept as pattern source text so the configuration
 * stays plain data.
 */
const month = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const day = '\\d{1,2}(?:st|nd|rd|th)?'
const date = `(?:${month} ${day},? \\d{4}|${day} ${month},? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{4}/\\d{2}/\\d{2})`
const time = '(?:,? (?:at )?\\d{1,2}:\\d{2}(?: ?[ap]\\.?m\\.?)?)'
/**
 * `Carina |`, `Lena ·`: an author box's name before the date (the avatar's alt
 * text may repeat it); or a user name glued to it, two links side by side
 * (`[harendra21](…/author/…)[Jan 10, 2025](…)`).
 */
const author = `(?:[\\p{L}.'’ -]{1,40} ?[|·] ?|[\\p{L}\\d_.-]{2,30}(?=${month} ))`
const label = '(?:(?:Last )?(?:Updated|Posted|Published|Modified)(?: on)?:? )'
/** `/ Posted by Andrew Miller to iTunes Tips`, `/ Updated by…`. */
const postedBy = '(?: ?/ ?(?:Posted|Updated|Written) by ?.{0,80})'

/** A second date, the update after the publication (`Jan 10, 2025Aug 31, 2024`, `… · Updated …`). */
const second = `(?: ?[|·]? ?${label}?${date}${time}?)`

export const dateLinePattern = `^${author}?${label}?${date}${time}?${second}?${postedBy}?$`
