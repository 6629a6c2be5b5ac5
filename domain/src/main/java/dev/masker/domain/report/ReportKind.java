package dev.masker.domain.report;

/** The three scopes a report can have: one session, one agent over a period, the whole deployment over a period. */
public enum ReportKind {
    SESSION,
    AGENT,
    DEPLOYMENT
}
