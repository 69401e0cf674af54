package org.voterroll.web;

/** An API answer saying why a request was not carried out, in Chinese and what to do: {@code {"problem": "…"}}. */
record ApiProblem(String problem) {}
