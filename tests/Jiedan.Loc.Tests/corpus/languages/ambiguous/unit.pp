{ Pascal }
program Hello;
begin
  writeln('hi'); (* inline *)

end.
