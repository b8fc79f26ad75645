// F#
module Demo
let square x = x * x

(* block *)
open System
