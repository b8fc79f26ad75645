#!/usr/bin/perl
# Perl: the #! line decides
use strict;
my $x = 1;

print "$x\n";
