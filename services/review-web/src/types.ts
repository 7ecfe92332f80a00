import type { GroundCode } from '@woo/core';

/** The shapes the review app reads from the API (see the OpenAPI at /docs). */

export type Role = 'admin' | 'coordinator' | 'reviewer';
export type DocumentStatus = 'queued' | 'extracting' | 'ocr' | 'detecting' | 'in_review' | 'exporting' | 'exported' | 'failed';
export type RedactionStatus = 'suggested' | 'accepted' | 'rejected' | 'manual';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BatchOverview {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  teams: string[];
  documents: Record<string, number>;
  openSuggestions: number;
}

export interface DocumentSummary {
  id: string;
  filename: string;
  status: DocumentStatus;
  pages: number;
  error?: string;
}

export interface BatchDetail {
  id: string;
  name: string;
  teams: string[];
  documents: DocumentSummary[];
}

export interface DocumentDetail extends DocumentSummary {
  batchId: string;
  number: number;
  counts: Record<RedactionStatus, number>;
}

export interface Redaction {
  id: string;
  documentId: string;
  page: number;
  boxes: Box[];
  text: string;
  category: string;
  /** The primary ground; `additionalGrounds` are further grounds for the same box. */
  ground: GroundCode;
  additionalGrounds: GroundCode[];
  confidence: number;
  detector: string;
  explanation: string;
  status: RedactionStatus;
  decidedBy?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  redactionId: string | null;
  details: Record<string, unknown>;
}

export interface PriorState {
  id: string;
  status: RedactionStatus;
  ground: GroundCode;
  additionalGrounds: GroundCode[];
}

/** A reviewer's choice of grounds for a box. */
export interface Grounds {
  ground: GroundCode;
  additionalGrounds: GroundCode[];
}

export interface SearchHit {
  page: number;
  boxes: Box[];
  text: string;
  context: string;
  redacted: boolean;
}

export interface BatchSearch {
  documents: Array<{ documentId: string; filename: string; hits: SearchHit[] }>;
  notSearchable: string[];
}

export interface BulkResult {
  documents: number;
  updated: number;
  redactions: Redaction[];
  previous: PriorState[];
}
