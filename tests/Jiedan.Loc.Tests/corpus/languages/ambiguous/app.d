// D
import std.stdio;

void main() { writeln("hi"); } /* inline */
