"""Moderation: the review queue for held content, and pile-on events aimed at members."""
