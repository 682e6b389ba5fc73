namespace NanoCompileGate;

/// <summary>One reason the gate fails, with the file and line it concerns (paths relative to the repository).</summary>
public sealed record GateDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}({Line},{Column}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
}
