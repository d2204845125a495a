@main struct DubboCommand { static func main() {} }
