BeginPackage["Demo`"]
(* Mathematica: a comment *)
square[x_] := x^2
cube[x_] := x^3

EndPackage[]
