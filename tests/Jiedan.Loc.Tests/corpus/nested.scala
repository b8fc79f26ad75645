/* outer /* inner */ still a comment in Scala */
object Main {
  val s = "/* not a comment */"
  val t = """raw
  // not a comment either
  """
  // a comment
}
