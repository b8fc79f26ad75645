// TypeScript
const greeting: string = "hi";

class Greeter {
  greet(): void { console.log(greeting); } /* inline */
}
