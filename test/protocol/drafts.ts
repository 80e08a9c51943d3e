// Invented wire-style drafts for the protocol tests. Each sentence is written to trip one rule.

/** A Markdown draft with front matter: one clear case per rule. */
export const PORT_STRIKE = `---
slug: port-strike
desk: business
---
# Dockworkers extend strike at Dunmore port

DUNMORE, Nov 28 (Wire) - Dockworkers at the port of Dunmore extended their strike into a third day on Thursday, leaving dozens of container ships waiting offshore.

A person familiar with the negotiations said the talks had stalled over overtime pay.

Experts say the dispute could spread to the rail yards that serve the port.

The strike is expected to cost exporters heavily before the end of the month.

The union might accept a revised offer if the overtime rules are changed.

It's noteworthy that the port handled record volumes last year.

Container traffic through Dunmore fell 12 percent in October.

"We are not going back until the contract is signed."

Harbour commissioner Mara Ellison said the port authority had offered a 4 percent raise, according to a statement released on Wednesday. Ellison claimed the union had walked away from the table.

The union represents [TK: number] workers at the port.
`;

/** A plain-text draft with no front matter. */
export const COUNCIL_VOTE = `The city council of Arlow voted 7-2 on Tuesday to close the Linden Street library, council clerk Joan Ruiz said.

Critics argue the closure will hurt students who rely on the library after school.

The decision is widely regarded as a blow to the neighbourhood.

A person familiar with the budget talks said the vote had been agreed in advance.
`;

/** A clean draft: every statement attributed to a named source. */
export const CLEAN = `The regional water board approved a new treatment plant on Monday, board chair Ana Kovac said in a statement.

"The plant will be running by next spring," Kovac told reporters after the vote.
`;
