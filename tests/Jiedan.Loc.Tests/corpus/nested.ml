(* outer (* inner *) still comment *)
let s = "(* not a comment"
let () = print_string s (* trailing *)
