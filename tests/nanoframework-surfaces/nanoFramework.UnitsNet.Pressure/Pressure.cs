// Surface of UnitsNet.Pressure (package UnitsNet.nanoFramework.Pressure, 5.x).
// Checked against angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/Pressure.g.cs and
// UnitsNet.NanoFramework/GeneratedCode/Pressure/Pressure.nfproj (AssemblyName UnitsNet.Pressure, RootNamespace UnitsNet).
// The private field stands for the real struct's fields (double _value; PressureUnit _unit) so that
// definite-assignment rules match; PressureUnit itself is left out.
namespace UnitsNet
{
    public struct Pressure
    {
        private readonly double _value;

        public double Hectopascals { get { throw null; } }
    }
}
