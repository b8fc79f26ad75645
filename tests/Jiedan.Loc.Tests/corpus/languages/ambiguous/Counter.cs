"Smalltalk in a .cs file"
Object subclass: #Counter
    instanceVariableNames: 'count'!

!Counter methodsFor: 'counting'!
increment
    count := count + 1!
