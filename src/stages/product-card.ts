/**
 * The text of a product card in a "best X" list that has no heading per
 * product: the product's name (two words or more), then `Best` and its award
 * in lower case (`Varier Move Tilting Saddle Stool Best standing desk chair
 * overall`). Cleaning keeps such a shop link (it is the list's entry, not a
 * link to another story) and extraction makes it an item, so both read it
 * here.
 */
const card = /^(\S+(?: \S+){1,11}) (Best [a-z0-9][^A-Z]*)$/u

export interface ProductCard {
  name: string
  award: string
}

/** The card's name and award, or null when the text is not a product card's. */
export function productCardOf(text: string): ProductCard | null {
  const match = card.exec(text.replace(/\s+/g, ' ').trim())
  return match ? {name: match[1]!, award: match[2]!} : null
}
