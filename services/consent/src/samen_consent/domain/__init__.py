"""The consent service's pure domain: purposes, parties, requests, evidence.

No I/O lives here. Every function that depends on time takes the moment as an argument;
the service passes its clock in. Values are immutable: transitions return new values
together with the decisions (past-tense facts) they produced.
"""
