dependencies {
  paths = ["../alpha"]
}
