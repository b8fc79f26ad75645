/* outer /* inner */ still a comment in Rust */
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    let raw = r#"a "// raw" string"#;
    let c = '"';
    if x.len() > y.len() { x } else { y } // pick one
}

/*
 * /* nested */
 */
const N: u32 = 1;
