from praxishub.service.app import main

main()
