using System;

namespace Demo
{
    // C#
    public static class Program { public static void Main() => Console.WriteLine("hi"); }
}
