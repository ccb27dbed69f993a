package dev.pulse.reporting.domain;

import java.util.OptionalLong;

/**
 * One tracked page's figures in a snapshot: its activity, the posts mentioning it, its fans when the period was first
 * snapshotted, and the change since the previous snapshot (absent when there was none, or it lacked the page).
 */
public record PageFigures(String pageId, PageActivity activity, long mentions, long fans, OptionalLong fansChange) {}
