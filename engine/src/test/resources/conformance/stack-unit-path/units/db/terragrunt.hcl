dependencies {
  paths = [values.network, "${values.app}/../network/vpc"]
}
