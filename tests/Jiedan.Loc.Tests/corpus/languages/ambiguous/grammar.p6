#!/usr/bin/env perl6
# Raku in a .p6 file
sub greet($name) { say "hi $name"; }

greet("you");
