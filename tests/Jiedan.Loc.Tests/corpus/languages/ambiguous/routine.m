ROUTINE ; MUMPS routine
 ; a comment line
 S X=1
 W X,!
 K X
 Q
