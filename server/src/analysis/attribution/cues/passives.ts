// Passives: "was criticized by the union" names its agent; "was asked about" makes the one asked speak.

/** What follows "was asked" when the one asked is the speaker ("was asked about", "was asked whether"). */
export const ASKED_ABOUT = new Set(['about', 'if', 'whether', 'what', 'how', 'why', 'who', 'which', 'when', 'where', '.', ',', 'again', 'repeatedly']);
