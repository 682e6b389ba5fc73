// Surface of UnitsNet.Temperature (package UnitsNet.nanoFramework.Temperature, 5.x).
// Checked against angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/Temperature.g.cs and
// UnitsNet.NanoFramework/GeneratedCode/Temperature/Temperature.nfproj (AssemblyName UnitsNet.Temperature, RootNamespace UnitsNet).
// The private field stands for the real struct's fields (double _value; TemperatureUnit _unit) so that
// definite-assignment rules match; TemperatureUnit itself is left out.
namespace UnitsNet
{
    public struct Temperature
    {
        private readonly double _value;

        public double DegreesCelsius { get { throw null; } }
    }
}
