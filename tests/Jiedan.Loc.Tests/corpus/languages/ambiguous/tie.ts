a</source>
let x = 1
