const a = 1
<TS><context><message><source>Hi</source><translation>Hallo</translation></message>
<name>x</name>y</source>
  // a comment
