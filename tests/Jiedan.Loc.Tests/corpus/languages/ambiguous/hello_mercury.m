:- module hello.
% Mercury: a comment
:- interface.
:- import_module io.

:- pred main(io::di, io::uo) is det.
