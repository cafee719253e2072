/**
 * Page-furniture labels in the languages republished how-to sites most often
 * use besides English (Spanish, Portuguese, French, German, Italian, Dutch),
 * as alternations for the chrome rules' title patterns. English stays in each
 * rule's own pattern, which says what the label is for; these only let the
 * same box be recognised on a translated site.
 */

/** "See also", "Related articles", "Read also": a box of links to other stories. */
export const relatedLabels = [
  'ver tambi[ée]n',
  'v[ée]ase tambi[ée]n',
  'veja tamb[ée]m',
  'voir aussi',
  'siehe auch',
  'vedi anche',
  'zie ook',
  '(?:art[íi]culos|entradas|publicaciones|posts|artigos|not[íi]cias) relacionad[oa]s',
  'articles (?:connexes|similaires|li[ée]s)',
  '[àa] lire aussi',
  '(?:verwandte|[äa]hnliche) (?:artikel|beitr[äa]ge|themen)',
  'das k[öo]nnte dich (?:auch )?interessieren',
  'articoli correlati',
  'leggi anche',
  'le[ae] tambi[ée]n',
  'leia tamb[ée]m',
  'gerelateerde artikelen'
].join('|')

/** "Comments", "Leave a comment": the comment section and its form. */
export const commentLabels = [
  'comentarios',
  'coment[áa]rios',
  'commentaires',
  'kommentare',
  'commenti',
  'reacties',
  // The form's heading, often glued to its "Cancel reply" link.
  '(?:(?:deja|dejar) (?:un|tu) comentario|deixe (?:um|seu) coment[áa]rio|laiss(?:er|ez) un commentaire|schreibe(?:n sie)? einen kommentar|lascia un commento|laat een reactie achter)(?:\\s.*)?'
].join('|')
