// Shared vocabulary of the engine. Nothing here knows about LSP or VS Code.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Half-open range of UTF-16 code-unit offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line, 1-based column counted in UTF-16 code units, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A plain text replacement; `snippet` is the same text in LSP snippet syntax when it has placeholders. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  snippet?: string;
}

export type FixKind = 'add-support' | 'name-tool' | 'name-authority' | 'name-resource' | 'disable-step' | 'disable-file' | 'rename' | 'insert';

/**
 * What a fix does, as plain data: intentEdits.ts turns it into text edits against the current text. Offsets in an
 * intent are document offsets (the step cache moves them with the step).
 */
export type FixIntent =
  /** A new lane `label` holding `content` (`snippet` in editors), or the step's empty cell under that label filled. */
  | { kind: 'add-lane'; site: LaneSite; label: string; content: string; snippet?: string }
  /** `span` replaced by `text` (a rename, a placeholder filled in place; an empty span inserts). */
  | { kind: 'replace'; span: Span; text: string; snippet?: string }
  /** A directive that disables `ruleId` for one step. */
  | { kind: 'disable-step'; site: DisableSite; ruleId: string }
  /** A directive that disables `ruleId` for the whole file, after any front matter. */
  | { kind: 'disable-file'; ruleId: string }
  /** `blueprint: true` in the front matter (a new front matter block when there is none). */
  | { kind: 'opt-in' };

/** A fix as a rule reports it: what it is called and what it does. */
export interface FixProposal {
  title: string;
  kind: FixKind | string;
  intent: FixIntent;
  /** Safe fixes may be applied without a person reading them (`--fix`, fix-all). */
  safe: boolean;
  preferred?: boolean;
}

/** A fix on a finding: its intent and the edits it makes in the text that was linted (an editor's lint leaves them to intentEdits.ts). */
export interface Fix extends FixProposal {
  edits: TextEdit[];
}

export type LaneKind = 'evidence' | 'customer' | 'frontstage' | 'backstage' | 'support' | 'benefit' | 'other';
export type Side = 'customer' | 'employee' | 'promise' | 'none';
export type StepShape = 'heading' | 'list' | 'table-columns' | 'table-rows' | 'prose';
export type SupportKind = 'resource' | 'tool' | 'authority' | 'training' | 'backing';

/** A piece of text with a map back to source offsets (inline markup removed). */
export interface SourceText {
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the end offset. */
  offsets: number[];
}

export interface Lane {
  kind: LaneKind;
  /** The label as written, without emphasis, colon and gloss. */
  label: string;
  labelSpan: Span;
  content: SourceText;
  contentSpan: Span;
  /** Present but empty: TBD, TODO, ?, -, —, N/A, none, ..., or nothing. */
  placeholder: boolean;
  /** How the label was read (blueprint/laneReading.ts): a listed synonym, its words, a role, a system, or unplaced. */
  basis?: string;
  /** A result lane (Outcome, Output, Value): a benefit only where its content states a customer gain. */
  gainOnly?: boolean;
}

export interface PhraseMatch {
  text: string;
  span: Span;
  /** Vocabulary entry that matched (normalised). */
  entry: string;
  /** Which lane it was found in; 'prose' for step prose. */
  source: LaneKind | 'prose';
  /** Why it was found: the vocabulary entry, or the rule of language and its words ("free+noun: free tote bag"). */
  why?: string;
}

/** A benefit or support candidate the engine found and then rejected, with the reason (for `inspect`). */
export interface RejectedPhrase {
  text: string;
  span: Span;
  /** 'benefit' or 'support': what the candidate would have been. */
  as: 'benefit' | 'support';
  /** Why it does not count: negated, customer's request, company's gain, acting employee, customer's own tool... */
  reason: string;
  source: LaneKind | 'prose';
}

export interface BenefitPhrase extends PhraseMatch {
  group?: string;
}

export interface SupportPhrase extends PhraseMatch {
  kind: SupportKind;
}

/** How a lane label is written: **Label:**, **Label**: or Label:. */
export type LabelStyle = 'bold-inside' | 'bold-outside' | 'plain';

/**
 * Where a new lane can be inserted into a step without breaking its shape, with the layout facts the new text copies
 * from its neighbours (intentEdits.ts writes it).
 */
export type LaneSite =
  /**
   * A line after the last lane: `lead` + label in `style` + `sep` + content (a heading lane: `sep` is a blank line), then
   * `tail` when the lane is a box of another markup that closes after its content (a GitBook tab: `{% endtab %}`).
   */
  | { form: 'line'; at: number; lead: string; style: LabelStyle | 'heading'; sep: string; tail?: string }
  /** A new row of a table with one row per step and lane. */
  | { form: 'lane-row'; at: number; html: boolean; eol: string; columns: number; laneCol: number; contentCol: number }
  /**
   * A step that is column `col` of a lanes-as-rows table: an empty cell of the lane's row filled, else a new row;
   * `labelLast` when the lanes are named in the table's last column (`col` counts from the label column then, as if it
   * were first).
   */
  | { form: 'column'; at: number; html: boolean; eol: string; columns: number; col: number; rows: ColumnRow[]; labelLast?: boolean }
  /** A step that is a row of a steps-as-rows table: an empty cell of the lane's column filled, else a new cell or column. */
  | { form: 'row'; html: boolean; eol: string; headers: string[]; cells: Array<Span | null>; rowCells: number; end: CellEnd; append: RowAppends; headAt: number; rowAt: number }
  /**
   * No place for a new lane: a step of a fixed-width plain-text table (pandoc grid or simple), where any edit inside
   * would break its columns, or (`inPlace`) a step read across lane sections or a step of a table another markup draws
   * a cell at a time (a MyST list-table), whose lanes may still be edited in place.
   */
  | { form: 'none'; inPlace?: true };

/** A lane row of a lanes-as-rows table: its label (normalised) and, when its cell in the step's column is empty, the span to fill. */
export interface ColumnRow {
  label: string;
  fill: Span | null;
}

/** The end of a Markdown table line, and whether it already ends in a pipe. */
export interface CellEnd {
  at: number;
  closed: boolean;
}

/** Where a new column's cells go: the header line, the delimiter line and the step's row. */
export interface RowAppends {
  header: CellEnd;
  delimiter: CellEnd;
  row: CellEnd;
}

/** Where a disable directive for a step goes: a comment line before it, or an inline comment after a table title cell. */
export type DisableSite = { form: 'line-before'; at: number; indent: string; eol: string } | { form: 'in-cell'; at: number };

export interface Step {
  title: string;
  titleSpan: Span;
  span: Span;
  shape: StepShape;
  lanes: Lane[];
  prose: SourceText[];
  /** Prose sentences whose subject is an employee (for support) or the customer. */
  benefits: BenefitPhrase[];
  supports: SupportPhrase[];
  /** Candidates found and rejected, with the reason (negated, customer's own tool, acting employee, company's gain...). */
  rejected?: RejectedPhrase[];
  /** A prose step whose only text is the rows of tables that name no lanes (a procedure table, a matrix). */
  tableOnly?: boolean;
  /** Group heading title, if the step sits under one. */
  group?: string;
  /** For a table or list step: the group of the section that holds it ('' at the top), so sibling sections can be found. */
  sectionGroup?: string;
  /** Where a new lane goes (plain data: intentEdits.ts writes the lane). */
  insertion: LaneSite;
  /** Where a directive that disables a rule for this step goes. */
  disableSite: DisableSite;
}

export interface Blueprint {
  isBlueprint: boolean;
  /** Why it is (or is not) treated as a blueprint. */
  reason: 'front-matter' | 'glob' | 'lanes' | 'none' | 'disabled';
  title?: string;
  steps: Step[];
  /** Not read as a blueprint, but its title or file name calls it one (spec 4, never silent). */
  looksLike?: { why: 'title' | 'file name'; words: string };
  /** The language it is written in when that is not English (the vocabularies cover English). */
  language?: string;
}

/** A finding; `F` is `FixProposal` for an editor's lint, whose fixes are written into edits only when one is asked for. */
export interface Finding<F extends FixProposal = Fix> {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  start: Position;
  end: Position;
  /** Title of the step the finding belongs to, null outside a step. */
  step: string | null;
  stepTitleSpan?: Span;
  fixes: F[];
  /** Rule-specific data for editors, e.g. the benefit phrase for "treat as" actions. */
  data?: Record<string, unknown>;
  /** Set only on findings a directive silences: which directive, its reason and its last day. */
  suppressedBy?: { directive: string; reason?: string; until?: string };
}
