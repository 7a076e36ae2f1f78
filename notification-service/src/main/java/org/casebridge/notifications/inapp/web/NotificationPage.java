package org.casebridge.notifications.inapp.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a user's notifications, unread first, then newest first. */
@Serdeable
public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {
}
