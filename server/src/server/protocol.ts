// Custom messages between the Blueprint Lint server and its clients; each defined once, shared by both sides.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Why a document is or is not linted as a blueprint (engine reasons plus editor-side ones). */
export type BlueprintReason = 'front-matter' | 'glob' | 'lanes' | 'none' | 'disabled' | 'ignored' | 'not-markdown' | 'too-large' | 'not-open';

export interface BlueprintStatus {
  uri: string;
  isBlueprint: boolean;
  reason: BlueprintReason;
  /** Number of steps the engine found. */
  steps: number;
  /** Number of findings published for the document. */
  problems: number;
  enabled: boolean;
}

/** Lints every blueprint in the workspace folders and publishes diagnostics for files that are not open. */
export namespace LintWorkspaceRequest {
  export const method = 'blueprintLint/lintWorkspace' as const;
  export interface Result {
    filesScanned: number;
    blueprints: number;
    problems: number;
  }
  export const type = new RequestType0<Result, void>(method);
}

/** The blueprint status of one document (for a status bar or `:BlueprintStatus`). */
export namespace StatusRequest {
  export const method = 'blueprintLint/status' as const;
  export interface Params {
    uri: string;
  }
  export const type = new RequestType<Params, BlueprintStatus, void>(method);
}

/** Leads the related information of a step's other benefit phrases; the VS Code client marks those places in the editor. */
export const ALSO_PROMISED = 'Also promised:';

/** Sent after each lint of an open document. */
export namespace StatusChangedNotification {
  export const method = 'blueprintLint/statusChanged' as const;
  export const type = new NotificationType<BlueprintStatus>(method);
}

/**
 * Server to client: add phrases to the `blueprintLint.vocabulary` workspace setting (the client owns settings).
 * Used when `blueprintLint.addToConfigTarget` is "settings".
 */
export namespace AddVocabularyRequest {
  export const method = 'blueprintLint/addVocabulary' as const;
  export interface Params {
    /** Workspace folder (or document) URI the setting belongs to. */
    scopeUri: string;
    /** `benefit.remove`: the phrase is not a benefit; `support.add`: the phrase names employee support; `lanes`: the phrase is a label of lane `kind`. */
    change: { list: 'benefit.remove'; phrase: string } | { list: 'support.add'; phrase: string; kind: SupportKindName } | { list: 'lanes'; phrase: string; kind: LaneKindName };
  }
  export interface Result {
    applied: boolean;
    message?: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

export type SupportKindName = 'resource' | 'tool' | 'authority' | 'training' | 'backing';
export type LaneKindName = 'evidence' | 'customer' | 'frontstage' | 'backstage' | 'support' | 'benefit' | 'other';

/** Commands the server puts on code actions. */
export namespace Commands {
  /** Argument: the documentation URL. Clients open it in a browser; editor-agnostic clients may ignore it. */
  export const showDocs = 'blueprintLint.showDocs' as const;
  /** Arguments: AddVocabularyRequest.Params. Executed by the server (workspace/executeCommand), which asks the client. */
  export const addVocabulary = 'blueprintLint.addVocabulary' as const;
  /** Argument: a document URI. Applies all safe fixes. */
  export const fixAll = 'blueprintLint.applyAllFixes' as const;
}

/** Code action kind of the fix-all action. */
export const FIX_ALL_KIND = 'source.fixAll.blueprintLint';
/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'blueprint-lint';
