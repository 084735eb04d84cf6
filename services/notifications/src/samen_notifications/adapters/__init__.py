"""Adapters of the notifications service: storage and the e-mail and SMS transports."""
